"""Swedish as the project writes and reads it: words, dates, stems and the item-type rule.

Pure Python: no Django and no other project package, so the reader, the search and the Django
apps can all depend on it.
"""
