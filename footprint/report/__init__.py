"""The audit report: context (pure data), actions, charts, translations and rendering."""
