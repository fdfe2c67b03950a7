"""Importing a plan from its Word document or PDF: a draft plan file for an editor to finish.

The readers (`word.py`, `pdf.py`) turn a document into the neutral tree of `tree.py`; `shape.py`
finds the headings, lists and quotes a document typed by hand; `tables.py` and `drafting.py` turn
the tree into a plan's sections and blocks; `draft_file.py` checks the draft with the project's own
loader and writes it. Nothing here imports MkDocs.
"""
