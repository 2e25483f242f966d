"""nlp: owns the Stanza pipeline and turns its documents into engine `ParsedDoc`s."""
