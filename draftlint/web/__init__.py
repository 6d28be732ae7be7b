"""`draftlint serve`: a local web page on which a drafter drops drafts and sees them checked, with the copies
and reports of the command line to download. Needs the web extra (`pip install '.[web]'` in draftlint's folder); nothing
else in draftlint imports this package.

app.py is the HTTP side (routes, limits, one-line errors), jobs.py the work on each request's uploads in a
temporary folder, view.py the draft as the page shows it, serve.py the command, static/ the page itself."""
