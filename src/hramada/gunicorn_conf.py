"""Gunicorn settings for every deployment (``gunicorn -c python:hramada.gunicorn_conf hramada.wsgi:application``).

The access log says when, which method and path, the status, the size and the time taken. It never holds a query
string (the full request line, ``%(r)s``, would), a referrer, a user agent, the client's address or any header:
a log line must not link an applicant to a page, or carry what they typed. Gunicorn never logs bodies.
"""

accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
timeout = 120
