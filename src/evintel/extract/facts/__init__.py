"""Fact rules, one module per fact type; each reads SentenceViews and returns Facts."""
