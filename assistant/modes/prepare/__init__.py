"""Session plans for junior mentors: a timed agenda, open questions and a hands-on exercise."""
