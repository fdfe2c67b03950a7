"""MkDocs entry points: each hands its event to the build (plansite/site/build.py).

A `Build` is made when MkDocs loads the configuration and closed when the build ends or fails;
what lasts from one build to the next in `mkdocs serve` is the session's (plansite/site/session.py).
"""

from __future__ import annotations

from plansite.site import session
from plansite.site.build import Build

build: Build | None = None


def on_startup(command, dirty):
    session.start(command, dirty)


def on_serve(server, config, builder):
    return session.current().watch(server, config)


def on_config(config):
    global build
    build = None  # a build that fails here leaves nothing to close
    build = Build(config, session.current())
    return config


def on_files(files, config):
    return build.add_files(files)


def on_env(env, config, files):
    return build.use_environment(env, files)


def on_page_content(html, page, config, files):
    return build.page_content(html, page)


def on_page_context(context, page, config, nav):
    return build.page_context(context, page)


def on_post_page(output, page, config):
    return build.finish_page(output, page)


def on_post_template(output_content, template_name, config):
    return build.finish_template(output_content, template_name)


def on_post_build(config):
    build.finish()


def on_build_error(error):
    if build is not None:
        build.fail()
