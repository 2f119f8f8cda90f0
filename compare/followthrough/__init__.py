"""Stage 6, follow-through: did the new report do what the old one planned?

`plan_items` (the old report's commitments and targets), `targets` (target directions and outcome
checks) and `evidence` (finding the new report's evidence -> `PlanCheck`). Import the submodules
directly.
"""
