"""Retrieval: loading, chunking, embedding, indexing and searching programme material."""
