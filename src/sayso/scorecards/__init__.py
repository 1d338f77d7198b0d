"""Source scorecards: how often did what a source called "likely" happen?

``forecasts`` reads the linked assessments (the one interface to the corpus records),
``linking`` proposes links with their polarity, ``scoring`` holds the proper scoring rules and
intervals, ``scorecard`` aggregates them per assessor and question, ``reliability`` draws stated
against observed, ``plot`` renders it. The method is written down in docs/scorecards.md.
"""
