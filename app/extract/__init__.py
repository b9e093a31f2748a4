"""Pure readers that pull figures and period phrases out of source texts."""
