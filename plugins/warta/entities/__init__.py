"""Entity tagging: registry, matching, salience, discovery of unregistered names."""
