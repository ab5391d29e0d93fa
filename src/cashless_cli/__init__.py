"""cashless: check commune rosters, publish the cashless-payment rate, hand registrations over."""

__version__ = "0.1.0"
