"""Briefing PDFs (ReportLab). Takes data from services, never a Session."""
