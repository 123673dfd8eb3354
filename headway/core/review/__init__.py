"""Session review: reading call transcripts and summing up a coded session (talk time, code
ratios, advice moments with open-question reframes)."""
