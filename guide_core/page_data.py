"""Data a page's script reads, written into the page as a JSON block.

A browser never runs <script type="application/json">, so the
Content-Security-Policy needs no hash for it, and the script reads it with
no extra request. "<" is written as \\u003c, so no text in the data can end
the block early.
"""

from __future__ import annotations


def json_block(element_id: str, json_text: str) -> str:
    """`json_text` (already JSON) as a JSON block with the given id."""
    safe = json_text.replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{safe}</script>'
