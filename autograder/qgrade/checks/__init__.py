"""The public checks: `check_state`, `check_operator`, `check_oracle`, `check_counts`."""
