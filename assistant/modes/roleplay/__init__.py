"""Role-play practice: Tandem plays the scenario's persona, then debriefs the trainee against the rubric."""
