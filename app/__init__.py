"""Open data on China's internet development, every value cited to the text it was read from."""
