"""Editors' texts: what they may type, where their links go, the HTML readers get of them, and
the words a child may not know."""
