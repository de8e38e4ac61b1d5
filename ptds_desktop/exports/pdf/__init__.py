"""PDF documents in the Vietnamese administrative format (ReportLab)."""
