"""Word copies (python-docx) of the administrative documents."""
