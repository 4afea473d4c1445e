"""Revisit service: The electronic revisit (电子化回访) after every new policy, with its H5 questionnaire."""
