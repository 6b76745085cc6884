"""News report-site generator: a folder of articles in, a cross-linked static site out.

Stages (one direction, one object per stage): ingest → analyse → link → pages → MkDocs.
"""

__version__ = "0.1.0"
