"""The secretariat's pages: plan, build the agenda, send the notice, record, publish.

Views check who may act, call one action, and say what happened; the rules are in the actions.
One module per step of the meeting cycle.
"""
