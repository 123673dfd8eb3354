from __future__ import annotations

from headway.review.views import urlpatterns

__all__ = ["urlpatterns"]
