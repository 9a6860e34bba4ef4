"""Reports: notebook sessions, plots, batch runs with papermill, HTML and the index.

The top layer below the command line: it reads cached tables through ``run`` and figures'
numbers through ``aggregate``.
"""
