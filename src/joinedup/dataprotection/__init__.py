"""Data-protection duties: subject-access requests. The right belongs to the child; a parent may act for
the child only with the child's authority, where the child lacks understanding, or where it is evidently
in the child's interest (shared/product/DOMAIN.md). One month to respond (follow-through work); an export
of everything held about the child, with third parties' information marked for redaction and the
social-work serious-harm exemption recordable item by item."""
