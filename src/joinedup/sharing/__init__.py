"""Information-sharing decisions: when information about a child is shared with another agency, or
deliberately not shared, the decision and its reason are recorded with the concern and shown in the
child's history (the golden rules of information sharing, DfE 2018/2024: record every decision)."""
