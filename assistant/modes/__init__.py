"""The coaching modes: one package each (ask, prepare, feedback, reflect) and the modules they share."""
