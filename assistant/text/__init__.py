"""The one text toolkit: language, sentences, quotes, questions and topics, used by retrieval and every mode."""
