"""Renderers of `ptds_desktop.documents`: PDF (ReportLab), Word (python-docx), Excel (openpyxl). They import
only the document model, never a service, the storage or Qt."""
