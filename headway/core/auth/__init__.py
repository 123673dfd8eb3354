"""Sign-in arithmetic: HOTP/TOTP codes for two-step login."""
