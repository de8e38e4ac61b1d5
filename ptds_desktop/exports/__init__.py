"""Document exports: PDF (administrative format) and Excel."""
