"""Topic-specific sentence templates for the winnow sample corpus."""
