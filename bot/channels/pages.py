"""The few HTML pages the HTTP endpoints show: plain, escaped, no scripts, no external assets."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;"
          "line-height:1.5;color:#222}button{font-size:1rem;padding:.5rem 1.25rem}")

# Tokens ride in URLs: keep them out of Referer headers, caches and other sites' frames.
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                               "form-action 'self'; frame-ancestors 'none'",
}


# Why a verification link or code cannot be used, in the requester's terms.
EXHAUSTED = ("Too many wrong codes were tried for this request, so its code is locked for your "
             "protection. Our privacy team has been told and will send you a new code and "
             "link; you do not need to write to us for it.")
NOT_CONFIRMED = ("This request's email address has not been confirmed yet. Please use the "
                 "confirmation link in our first email; we will then send you your data.")
SUPERSEDED = ("We have sent you a newer code and link since this one: please use the link in "
              "our latest email.")


def page(title: str, *paragraphs: str, form: str = "", after: Sequence[str] = ()) -> str:
    """A whole HTML document; paragraphs (before the form, and `after` it) are escaped here,
    `form` is trusted markup."""
    body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    form += "".join(f"<p>{escape(text)}</p>" for text in after)
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            f"<meta name=\"robots\" content=\"noindex\">"
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body><h1>{escape(title)}</h1>{body}{form}</body></html>")


def post_form(action: str, button: str, fields: dict[str, str]) -> str:
    """A form that POSTs hidden fields to `action` (a path we chose) with one button."""
    hidden = "".join(f"<input type=\"hidden\" name=\"{escape(name)}\" value=\"{escape(value)}\">"
                     for name, value in fields.items())
    return (f"<form method=\"post\" action=\"{escape(action)}\">{hidden}"
            f"<button type=\"submit\">{escape(button)}</button></form>")


# What each right asks the organisation to do, as the confirm page says it.
_ASKS = {"access": "send you a copy of the personal data it holds about you",
         "erasure": "delete the personal data it holds about you",
         "rectification": "correct or complete the personal data it holds about you",
         "restriction": "restrict the processing of your personal data",
         "portability": "give you the personal data you provided in a machine-readable format",
         "objection": "stop processing your personal data for the purposes you object to",
         "automated_decision": "have a person review a decision about you made by automated"
                               " means"}
_ASKS_OTHERWISE = "act on a privacy request about the personal data it holds about you"


def asked_for(intents: Sequence[str]) -> str:
    """'delete the personal data it holds about you', joined with 'and' for several."""
    parts = [_ASKS[intent] for intent in dict.fromkeys(intents) if intent in _ASKS]
    return " and ".join(parts) or _ASKS_OTHERWISE


def confirm_verify(token: str, organisation: str, intents: Sequence[str],
                   reference: str) -> str:
    """The page behind the emailed link: it says what confirming means, so that the owner
    of the address knows what they confirm, and what to do if it was not them."""
    what = asked_for(intents)
    return page(
        "Confirm your request",
        f"{organisation} has received a request sent from your email address (reference "
        f"{reference}), asking {organisation} to {what}.",
        f"Press the button only if you made this request: it confirms that you asked "
        f"{organisation} to {what}.",
        form=post_form("/verify", "Yes, I asked for this", {"token": token}),
        after=("If you did not ask for this, do not press the button. Reply to our email and "
               "tell us, and we will stop the request; or simply ignore it: nothing is done "
               "until the request is confirmed.",),
    )


def verified(detail: str) -> str:
    return page("Thank you", "Your email address is confirmed.", detail)


def already_confirmed(reference: str) -> str:
    """A link opened again after the request was confirmed: nothing is wrong, and nothing
    more is needed (people click twice, and mail scanners open links)."""
    return page("Already confirmed",
                f"Your email address was already confirmed for this request (reference "
                f"{reference}). There is nothing more to do: we will reply to you by email.")


def confirm_pack(token: str, organisation: str, reference: str) -> str:
    """The page behind the access pack's link: the button downloads the zip."""
    return page(
        "Your data",
        f"This is the copy of the personal data {organisation} holds about you in its "
        f"privacy desk, for your request {reference}: your mails and ours, the history of "
        f"your request, what our privacy policy says about the processing, and any "
        f"documents our privacy team added.",
        "It is a zip file. Start with index.txt inside it.",
        form=post_form("/pack", "Download my data (zip)", {"token": token}),
    )


def confirm_unsubscribe(token: str) -> str:
    return page(
        "Unsubscribe",
        "Press the button to stop receiving marketing from us at this address.",
        form=post_form("/unsubscribe", "Unsubscribe",
                       {"token": token, "List-Unsubscribe": "One-Click"}),
    )


def unsubscribed(detail: str) -> str:
    return page("You are unsubscribed", "We will not send you marketing at this address.",
                detail)


def bad_link(reason: str) -> str:
    return page("This link does not work", reason,
                "Nothing was changed. If you still want us to act, reply to our email or "
                "write to us again.")


def unavailable() -> str:
    return page("Please try again shortly",
                "We could not complete this just now. Nothing was lost; please try the "
                "link again in a few minutes.")


def server_error() -> str:
    return page("Something went wrong", "We could not complete this request. Please try "
                "again later.")
