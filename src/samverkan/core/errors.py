"""The one error type users see: everything else that goes wrong is a bug and surfaces as one."""


class UserError(Exception):
    """A request a person can correct; `message` is Swedish and says what is wrong and where.

    `code` names the error for tests and programs ("stale_edit", "no_recipients", …).
    """

    code = "invalid"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message
