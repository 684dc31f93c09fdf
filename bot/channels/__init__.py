"""The service's channels: SMTP intake, outbound mail delivery and the HTTP endpoints.

Channels are thin: they translate between the wire (SMTP, HTTP) and the desk's use cases,
and turn failures into the answers the protocol expects (451 for "try again", 400 pages).
"""
