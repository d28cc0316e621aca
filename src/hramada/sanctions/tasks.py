def enqueue_bundled_import(*a, **k):
    pass
