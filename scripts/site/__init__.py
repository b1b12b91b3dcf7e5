"""The published site: the atomic build, the offline copy, the Content-Security-Policy."""
