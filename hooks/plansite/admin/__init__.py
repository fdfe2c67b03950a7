"""The form editor at /admin/: its configuration, made from the model, and the files the site serves for it."""
