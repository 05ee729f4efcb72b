from ..forms_base import BaseForm


class ReviewForm(BaseForm):
    """Routine reports marked as read (walk defect 14): the ticked ids come as `report`, a single one as
    `one`, the listed ones as `listed`; the view reads them itself and ignores anything not a number."""
