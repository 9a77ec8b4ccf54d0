"""Taavon's benchmark harness: `python -m bench --scale small|lorestan|national`.

Every figure is printed next to a baseline measured in the same run, with their ratio;
performance is never a timed assertion in the test suite.  See bench/README.md.
"""
