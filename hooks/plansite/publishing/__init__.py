"""Where the built site is published: its address, the GitHub Pages site with the previews of open
pull requests, and the comment on a pull request. Only the standard library: the trusted workflows
run these modules from main without installing anything."""
