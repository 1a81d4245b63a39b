"""The project's own lexicons (data files shipped inside the wheel as framing.lexicons)."""
