"""Stage 5, figures: `extract` (Figure values from a Report) and `match` (pairs across years).

Import the submodules directly.
"""
