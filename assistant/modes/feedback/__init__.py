"""The feedback coach: judgemental wording flagged, the remark rewritten as SBI, I-message and feedforward."""
