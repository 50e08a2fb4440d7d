"""MedFlow pipeline as an Airflow DAG: one Airflow task per pipeline task, each calling the CLI.

`medflow pipeline begin` records the run and prints its id (pushed to XCom); every later task runs
`medflow pipeline task NAME --run RUN_ID` in its own process, so Airflow's retries, logs and UI work
per step. A retried task resumes the MedFlow run at that task without redoing the ones before it.
Set MEDFLOW_BIN to the medflow launcher and the MEDFLOW_* variables (or a medflow.yaml) on the workers.
"""
import os
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

MEDFLOW = os.environ.get("MEDFLOW_BIN", "/opt/medflow/medflow")

# Keep in order with com.medflow.pipeline.run.PipelineTask (a test checks each exists in the CLI).
TASKS = [
    "ingest",
    "verify_bronze",
    "transform",
    "gate",
    "write_silver",
    "verify_silver",
    "aggregate",
    "verify_gold",
    "publish",
]

default_args = {
    "owner": "medflow",
    "retries": 2,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
}

with DAG(
    dag_id="medflow_pipeline",
    description="MedFlow bronze -> silver -> gate -> gold, one Airflow task per pipeline task",
    schedule="0 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["medflow"],
) as dag:
    begin = BashOperator(
        task_id="begin",
        bash_command=f"{MEDFLOW} pipeline begin --trigger airflow",
        do_xcom_push=True,
        retries=0,
    )
    previous = begin
    for name in TASKS:
        step = BashOperator(
            task_id=name,
            bash_command=f"{MEDFLOW} pipeline task {name} --run {{{{ ti.xcom_pull(task_ids='begin') }}}}",
        )
        previous >> step
        previous = step
