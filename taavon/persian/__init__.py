"""Persian text, Jalali date, number-to-words and Iranian identifier toolkit."""
