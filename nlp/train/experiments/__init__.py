"""Name recogniser experiments of the card's fourth round, kept for the record; not shipped."""
