"""Readers of files made elsewhere: Excel task matrices."""
