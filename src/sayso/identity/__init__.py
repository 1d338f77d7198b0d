"""Who is who: speakers resolved within an article, and one canonical identity across a corpus."""
