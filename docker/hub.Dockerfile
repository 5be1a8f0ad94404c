# The hub for one machine: JupyterHub + DockerSpawner + idle culler, and the course's formgrader
# service (which runs jupyterhub-singleuser from the notebook image this one builds on).
# Build the notebook image first, then:  docker build -f docker/hub.Dockerfile -t qcourse/hub:0.1.0 docker
ARG NOTEBOOK_IMAGE=qcourse/notebook:0.1.0
# hadolint ignore=DL3006
FROM ${NOTEBOOK_IMAGE}

ARG COURSE_ID=qcourse
ARG GRADER_UID=2000

SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# the hub starts the formgrader service as the grader account, so it runs as root
# hadolint ignore=DL3002
USER root

RUN mamba install --yes --quiet "nodejs=22" && \
    npm install --global --no-audit --no-fund "configurable-http-proxy@5.3.0" && \
    npm cache clean --force && \
    mamba clean --all --force-pkgs-dirs --yes && \
    pip install --no-cache-dir \
        "dockerspawner==14.0.0" \
        "jupyterhub-idle-culler==2.0.0"

# The grader account owns the course directory; the formgrader service runs as it.
RUN useradd --create-home --uid "${GRADER_UID}" --gid users --shell /bin/bash "grader-${COURSE_ID}" && \
    mkdir -p "/srv/nbgrader/${COURSE_ID}" /srv/jupyterhub/data && \
    chown "grader-${COURSE_ID}:users" "/srv/nbgrader/${COURSE_ID}" && \
    chmod 0750 "/srv/nbgrader/${COURSE_ID}"

COPY jupyterhub_config.py /srv/jupyterhub/jupyterhub_config.py
ENV QCOURSE_COURSE_ID=${COURSE_ID}
WORKDIR /srv/jupyterhub
EXPOSE 8000
CMD ["jupyterhub", "-f", "/srv/jupyterhub/jupyterhub_config.py"]
